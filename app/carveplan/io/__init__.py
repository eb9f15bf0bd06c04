"""Reading and writing agreements: one module per format."""
