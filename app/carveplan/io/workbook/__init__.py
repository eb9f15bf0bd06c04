"""The exchange workbook: its layout as data, the export, the styled writer and the import back."""
