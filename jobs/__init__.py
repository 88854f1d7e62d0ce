"""Jobs: thin compositions of the stages in ``monitor``. Only jobs know the stages' order.

Each job is ``run(ctx, ...) -> <Job>Result``; the CLI and (later) the scheduler call them.
"""
