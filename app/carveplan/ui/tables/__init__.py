"""Editable tables of the agreement's records (import TablesPane from carveplan.ui.tables.pane)."""
