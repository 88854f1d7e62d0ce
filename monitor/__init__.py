"""pledge-monitor: holds governments to their word.

Pledges live in a declarative ``pledges.yaml``; the stages in this package fetch news feeds,
parse and store their entries, match them against each pledge's evidence rules and derive
every pledge's status. Only ``jobs/`` knows the order of the stages.
"""

__version__ = "0.1.0"
