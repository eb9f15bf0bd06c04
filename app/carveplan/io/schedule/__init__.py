"""Another delegation's tariff schedule (.xlsx, .csv): header recognition, rows as lines, HS descriptions."""
