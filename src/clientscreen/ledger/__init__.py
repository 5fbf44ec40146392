"""The ledger: every completed screening of every client, kept in one database file."""
