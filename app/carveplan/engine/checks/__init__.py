"""Validation checks, one module per part of the agreement; :mod:`carveplan.engine.validate` runs them."""
