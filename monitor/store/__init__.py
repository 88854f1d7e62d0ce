"""Storage: SQLModel tables and one repository module per aggregate.

Repositories take a Session and never commit: the job that opened the session decides when
a unit of work is complete.
"""
