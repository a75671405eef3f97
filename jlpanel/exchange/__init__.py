"""What crosses the edge: dossier workbooks, rosters, review packages, score files, exports."""
