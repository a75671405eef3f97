"""The application shell: start-up, the main window, the start page, new workspace, the demo
build, the self-test, and the workspace view that holds the staff's and secretary's tabs.
"""
