"""The staff's screens: platforms, dossier import, experts, rosters and conflict checks."""
