// A Teams-like light host config for the official renderer, shared by render.mjs and widths.mjs.
// Close to Teams' light theme: Segoe UI, its foreground colours and spacing.
export const hostConfig = {
  fontFamily: "'Segoe UI', 'Helvetica Neue', Arial, sans-serif",
  spacing: { small: 4, default: 8, medium: 12, large: 16, extraLarge: 24, padding: 16 },
  fontSizes: { small: 12, default: 14, medium: 16, large: 20, extraLarge: 24 },
  fontWeights: { lighter: 200, default: 400, bolder: 600 },
  containerStyles: {
    default: {
      backgroundColor: '#FFFFFF',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        accent: { default: '#5B5FC7', subtle: '#5B5FC7' },
        good: { default: '#237B4B', subtle: '#237B4B' },
        warning: { default: '#835C00', subtle: '#835C00' },
        attention: { default: '#C4314B', subtle: '#C4314B' },
      },
    },
    emphasis: { backgroundColor: '#F5F5F5' },
    attention: { backgroundColor: '#FCF4F6' },
    good: { backgroundColor: '#E7F2DA' },
    warning: { backgroundColor: '#FBF6D9' },
    accent: { backgroundColor: '#E8EBFA' },
  },
  actions: { maxActions: 6, buttonSpacing: 8, showCard: { actionMode: 'inline' }, actionsOrientation: 'horizontal', actionAlignment: 'left' },
  factSet: { title: { weight: 'bolder', wrap: true, maxWidth: 180 }, value: { wrap: true }, spacing: 12 },
};

// The host's button style, as Teams draws Adaptive Card actions: a row of buttons shares the width, each title cut
// with an ellipsis when it does not fit (overflow hidden lets a flex item shrink below its text).
export const hostCss = `
.ac-pushButton { overflow: hidden; white-space: nowrap; text-overflow: ellipsis; min-height: 32px; padding: 4px 12px;
  font-family: 'Segoe UI', 'Helvetica Neue', Arial, sans-serif; font-size: 14px; font-weight: 600; color: #242424;
  background: #FFFFFF; border: 1px solid #D1D1D1; border-radius: 4px; }
`;
