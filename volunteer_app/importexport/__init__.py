"""Import and export of registers to the spreadsheets clerks use."""
