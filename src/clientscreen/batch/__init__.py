"""Scoring a CSV export: read the dialect a CRM or Excel wrote, compile the rulebook for rows, run it over
processes, write the rows out. Streams: memory stays flat whatever the size of the file."""
