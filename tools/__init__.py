"""Development tools: screenshots, translation builds. Not shipped."""
