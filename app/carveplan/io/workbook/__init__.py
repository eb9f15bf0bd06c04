"""Excel workbooks: the exchange workbook and the redline of a diff."""
