"""The scheduling engine: pure functions from an agreement (and a scenario) to dates and values."""
