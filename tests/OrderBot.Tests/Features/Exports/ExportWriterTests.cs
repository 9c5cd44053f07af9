using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using OrderBot.Features.Exports;
using OrderBot.Tests.Cards;

namespace OrderBot.Tests.Features.Exports;

public sealed class ExportWriterTests
{
    [Theory]
    [InlineData("Open orders (not yet shipped, invoiced or cancelled)", ExportFormat.Xlsx, "Open-orders-not-yet-shipped-invoiced-or-cancelled.xlsx")]
    [InlineData("ingram-20-RF56B-lines", ExportFormat.Csv, "ingram-20-RF56B-lines.csv")]
    [InlineData("« » / ?", ExportFormat.Csv, "export.csv")]
    public void FileName_SignsBecomeOneDashEach_AndNothingLeftIsExport(string name, ExportFormat format, string expected)
    {
        Assert.Equal(expected, new ExportTable(name, [], []).FileName(format));
    }

    private static readonly ExportTable Tricky = new(
        "tricky",
        ["Order", "Description", "Serial number"],
        [
            ["20-RD12K", "Cable, 2 m \"blue\"", "SN1"],
            ["20-RD12K", "Zweite Zeile\r\nmit Umlaut äöü — and €", "SN2"],
            ["0100111111", "", " leading and trailing spaces "],
        ]);

    [Fact]
    public void ToCsv_ReadBackWithCsvHelper_SameRowsAndAUtf8Bom()
    {
        var bytes = ExportWriter.ToCsv(Tricky);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal(Rows(Tricky), ReadCsv(bytes));
    }

    [Fact]
    public void ToXlsx_ReadBackWithOpenXml_SameRowsWithExcelLineBreaks()
    {
        var bytes = ExportWriter.ToXlsx(Tricky);

        var expected = Rows(Tricky).Select(r => r.Select(v => v.Replace("\r\n", "\n", StringComparison.Ordinal)).ToList()).ToList();
        Assert.Equal(expected, ReadXlsx(bytes));
    }

    [Fact]
    public void FromLines_IngramShippedOrder_OneRowPerSerialInBothFormats()
    {
        var order = TestOrders.IngramShipped();
        var table = ExportTable.FromLines(order);

        var serials = order.Items.Sum(i => Math.Max(1, i.Serials.Count));
        Assert.Equal(serials, table.Rows.Count);
        Assert.Equal(order.Items.SelectMany(i => i.Serials), table.Rows.Select(r => r[11]).Where(s => s.Length > 0));
        Assert.Equal(Rows(table), ReadCsv(ExportWriter.ToCsv(table)));
        Assert.Equal(Rows(table), ReadXlsx(ExportWriter.ToXlsx(table)));
    }

    [Fact]
    public void FromOrders_List_SameRowsInBothFormats()
    {
        var table = ExportTable.FromOrders("Orders on hold", TestOrders.Many(12));

        Assert.Equal(12, table.Rows.Count);
        Assert.Equal(Rows(table), ReadCsv(ExportWriter.ToCsv(table)));
        Assert.Equal(Rows(table), ReadXlsx(ExportWriter.ToXlsx(table)));
    }

    [Fact]
    public void ToCsv_AFormulaFromASupplier_IsNotAFormulaInExcel()
    {
        var table = new ExportTable("x", ["Description"], [["=HYPERLINK(\"http://evil\")"]]);

        var read = ReadCsv(ExportWriter.ToCsv(table));

        Assert.False(read[1][0].StartsWith('='));
        Assert.Contains("HYPERLINK", read[1][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    public void ColumnName_IsTheSpreadsheetLetters(int index, string expected) => Assert.Equal(expected, ExportWriter.ColumnName(index));

    private static List<List<string>> Rows(ExportTable table) =>
        [[.. table.Columns], .. table.Rows.Select(r => r.ToList())];

    internal static List<List<string>> ReadCsv(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<List<string>>();
        while (csv.Read())
        {
            rows.Add([.. Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i) ?? string.Empty)]);
        }

        return rows;
    }

    internal static List<List<string>> ReadXlsx(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var part = document.WorkbookPart!.WorksheetParts.Single();
        return [.. part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? string.Empty).ToList())];
    }
}
