"""CarvePlan: plan the phased opening of sensitive sectors in a trade agreement."""

__version__ = "0.1.0"
