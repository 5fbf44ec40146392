"""The intake interview: the state machine (engine), the answers file it writes, the drafts on disk (locks,
resume) and the terminal that asks. Only ``terminal`` talks to a person."""
