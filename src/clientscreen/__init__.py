"""clientscreen: screen a prospective client before the first meeting.

Kept free of imports so that ``clientscreen --version`` answers at once.
"""

__version__ = "0.1.0"
