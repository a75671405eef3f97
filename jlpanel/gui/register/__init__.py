"""The department's register across cycles (平台名录): statuses, timelines, follow-up."""
