"""Trade data: UN Comtrade downloads, WITS exports and plain code, partner, value files."""
