"""The use cases — create and open workspaces, load rubrics, compute results — as the one API
that both the command line and the GUI call. Every change is recorded in the audit log."""
