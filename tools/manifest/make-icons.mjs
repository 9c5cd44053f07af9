// Draws OrderBot's Teams icons as real PNGs with nothing but Node's zlib:
//   manifest/color.png    192x192, full colour: a white parcel with a check mark on the accent colour
//   manifest/outline.png   32x32, the same glyph in pure white on a fully transparent background
// Shapes are signed-distance functions sampled 4x4 per pixel, so edges are anti-aliased through alpha
// (the outline stays pure white; Teams rejects grey in outline icons).
// Run from anywhere: node tools/manifest/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const manifestDir = join(here, '..', '..', 'manifest');
const ACCENT = [0x1f, 0x6f, 0xb2]; // keep in step with accentColor in manifest.json

// ---- PNG encoding --------------------------------------------------------------------------
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
});
function crc32(buf) {
    let c = 0xffffffff;
    for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
}
function encodePng(size, rgba) {
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(size, 0);
    ihdr.writeUInt32BE(size, 4);
    ihdr[8] = 8; // bit depth
    ihdr[9] = 6; // colour type RGBA
    const raw = Buffer.alloc(size * (size * 4 + 1));
    for (let y = 0; y < size; y++) {
        raw[y * (size * 4 + 1)] = 0; // filter: none
        rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
    }
    return Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        chunk('IHDR', ihdr),
        chunk('IDAT', deflateSync(raw, { level: 9 })),
        chunk('IEND', Buffer.alloc(0)),
    ]);
}

// ---- The glyph, in a unit square (0..1), as coverage functions -------------------------------
const sdBox = (x, y, cx, cy, hw, hh, r) => {
    const dx = Math.abs(x - cx) - hw + r;
    const dy = Math.abs(y - cy) - hh + r;
    return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0) - r;
};
const sdSegment = (x, y, ax, ay, bx, by) => {
    const px = x - ax, py = y - ay, vx = bx - ax, vy = by - ay;
    const t = Math.max(0, Math.min(1, (px * vx + py * vy) / (vx * vx + vy * vy)));
    return Math.hypot(px - vx * t, py - vy * t);
};
// Parcel: a rounded box drawn as an outline, a lid line and a tape strip; a check mark inside.
function glyph(x, y, stroke) {
    const box = Math.abs(sdBox(x, y, 0.5, 0.54, 0.34, 0.3, 0.06)) - stroke / 2;
    const lid = sdSegment(x, y, 0.16, 0.4, 0.84, 0.4) - stroke / 2;
    const tape = sdSegment(x, y, 0.5, 0.24, 0.5, 0.4) - stroke / 2;
    const tick = Math.min(
        sdSegment(x, y, 0.36, 0.6, 0.46, 0.7),
        sdSegment(x, y, 0.46, 0.7, 0.66, 0.5)) - stroke / 2;
    return Math.min(box, lid, tape, tick) <= 0;
}
function coverage(size, px, py, inset, stroke) {
    const n = 4;
    let hits = 0;
    for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
            const u = (px + (sx + 0.5) / n) / size;
            const v = (py + (sy + 0.5) / n) / size;
            // inset keeps the glyph inside Teams' safe area (120 of 192 px for the colour icon)
            const gx = (u - inset) / (1 - 2 * inset);
            const gy = (v - inset) / (1 - 2 * inset);
            if (gx >= 0 && gx <= 1 && gy >= 0 && gy <= 1 && glyph(gx, gy, stroke)) hits++;
        }
    }
    return hits / (n * n);
}

function colorIcon(size) {
    const rgba = Buffer.alloc(size * size * 4);
    for (let y = 0; y < size; y++) {
        for (let x = 0; x < size; x++) {
            const a = coverage(size, x, y, 36 / 192, 0.075);
            const i = (y * size + x) * 4;
            for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(ACCENT[c] * (1 - a) + 255 * a);
            rgba[i + 3] = 255; // full colour icons are opaque
        }
    }
    return encodePng(size, rgba);
}
function outlineIcon(size) {
    const rgba = Buffer.alloc(size * size * 4);
    for (let y = 0; y < size; y++) {
        for (let x = 0; x < size; x++) {
            const a = coverage(size, x, y, 1 / 32, 0.085);
            const i = (y * size + x) * 4;
            rgba[i] = rgba[i + 1] = rgba[i + 2] = 255;
            rgba[i + 3] = Math.round(255 * a);
        }
    }
    return encodePng(size, rgba);
}

writeFileSync(join(manifestDir, 'color.png'), colorIcon(192));
writeFileSync(join(manifestDir, 'outline.png'), outlineIcon(32));
console.log(`wrote ${join(manifestDir, 'color.png')} and outline.png`);
