"""What a person reads: the report of one assessment in its formats, a rulebook laid out for review, and the
right-to-left layout a terminal needs for Hebrew. The edge: these modules may use Rich."""
