"""MS Project XML (MSPDI): export of the resolved schedule and import of a plan drafted elsewhere."""
