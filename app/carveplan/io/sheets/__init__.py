"""Opening spreadsheets safely: workbooks within bounds, CSV files whatever their encoding and delimiter."""
