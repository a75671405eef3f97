-- index ix_attachments_platform_id
CREATE INDEX ix_attachments_platform_id ON attachments (platform_id);
-- index ix_dossier_findings_platform_id
CREATE INDEX ix_dossier_findings_platform_id ON dossier_findings (platform_id);
-- index ix_funding_lines_platform_id
CREATE INDEX ix_funding_lines_platform_id ON funding_lines (platform_id);
-- index ix_major_events_platform_id
CREATE INDEX ix_major_events_platform_id ON major_events (platform_id);
-- index ix_outcomes_platform_id
CREATE INDEX ix_outcomes_platform_id ON outcomes (platform_id);
-- index ix_platform_metrics_platform_id
CREATE INDEX ix_platform_metrics_platform_id ON platform_metrics (platform_id);
-- index ix_regulations_platform_id
CREATE INDEX ix_regulations_platform_id ON regulations (platform_id);
-- index ix_resources_platform_id
CREATE INDEX ix_resources_platform_id ON resources (platform_id);
-- index ix_service_records_platform_id
CREATE INDEX ix_service_records_platform_id ON service_records (platform_id);
-- index ix_staff_members_platform_id
CREATE INDEX ix_staff_members_platform_id ON staff_members (platform_id);
-- index ix_work_summaries_platform_id
CREATE UNIQUE INDEX ix_work_summaries_platform_id ON work_summaries (platform_id);
-- index sqlite_autoindex_attachments_1
(automatic);
-- index sqlite_autoindex_bonus_scores_1
(automatic);
-- index sqlite_autoindex_platform_metrics_1
(automatic);
-- index sqlite_autoindex_scores_1
(automatic);
-- index sqlite_autoindex_vetoes_1
(automatic);
-- table attachments
CREATE TABLE attachments (
	id INTEGER NOT NULL, 
	platform_id INTEGER NOT NULL, 
	name VARCHAR(300) NOT NULL, 
	media_type VARCHAR(100) NOT NULL, 
	size INTEGER NOT NULL, 
	sha256 VARCHAR(64) NOT NULL, 
	data BLOB NOT NULL, 
	CONSTRAINT pk_attachments PRIMARY KEY (id), 
	CONSTRAINT uq_attachments_platform_id_name UNIQUE (platform_id, name), 
	CONSTRAINT fk_attachments_platform_id_platforms FOREIGN KEY(platform_id) REFERENCES platforms (id) ON DELETE CASCADE
);
-- table bonus_scores
CREATE TABLE bonus_scores (
	platform_id INTEGER NOT NULL, 
	item_code VARCHAR(20) NOT NULL, 
	points FLOAT NOT NULL, 
	CONSTRAINT pk_bonus_scores PRIMARY KEY (platform_id, item_code), 
	CONSTRAINT fk_bonus_scores_platform_id_platforms FOREIGN KEY(platform_id) REFERENCES platforms (id) ON DELETE CASCADE
);
-- table declarations
CREATE TABLE declarations (
	platform_id INTEGER NOT NULL, 
	state VARCHAR(10) NOT NULL, 
	reason TEXT NOT NULL, 
	declared_at DATETIME NOT NULL, 
	CONSTRAINT pk_declarations PRIMARY KEY (platform_id), 
	CONSTRAINT ck_declarations_state CHECK (state IN ('none', 'conflict')), 
	CONSTRAINT ck_declarations_conflict_reason CHECK (state = 'none' OR length(trim(reason)) > 0), 
	CONSTRAINT fk_declarations_platform_id_platforms FOREIGN KEY(platform_id) REFERENCES platforms (id) ON DELETE CASCADE
);
-- table dossier_findings
CREATE TABLE dossier_findings (
	id INTEGER NOT NULL, 
	platform_id INTEGER NOT NULL, 
	severity VARCHAR(10) NOT NULL, 
	sheet VARCHAR(50), 
	"row" INTEGER, 
	"column" VARCHAR(100), 
	code VARCHAR(50) NOT NULL, 
	message_zh TEXT NOT NULL, 
	message_en TEXT NOT NULL, 
	fix_zh TEXT NOT NULL, 
	fix_en TEXT NOT NULL, 
	CONSTRAINT pk_dossier_findings PRIMARY KEY (id), 
	CONSTRAINT fk_dossier_findings_platform_id_platforms FOREIGN KEY(platform_id) REFERENCES platforms (id) ON DELETE CASCADE
);
-- table funding_lines
CREATE TABLE funding_lines (
	id INTEGER NOT NULL, 
	platform_id INTEGER NOT NULL, 
	source_row INTEGER, 
	year INTEGER, 
	category VARCHAR(50), 
	is_income BOOLEAN, 
	amount_10k_yuan FLOAT, 
	CONSTRAINT pk_funding_lines PRIMARY KEY (id), 
	CONSTRAINT fk_funding_lines_platform_id_platforms FOREIGN KEY(platform_id) REFERENCES platforms (id) ON DELETE CASCADE
);
-- table journal
CREATE TABLE journal (
	id INTEGER NOT NULL, 
	at DATETIME NOT NULL, 
	table_name VARCHAR(40) NOT NULL, 
	key_json TEXT NOT NULL, 
	old_json TEXT NOT NULL, 
	new_json TEXT NOT NULL, 
	undone BOOLEAN DEFAULT 0 NOT NULL, 
	CONSTRAINT pk_journal PRIMARY KEY (id)
);
-- table major_events
CREATE TABLE major_events (
	id INTEGER NOT NULL, 
	platform_id INTEGER NOT NULL, 
	source_row INTEGER, 
	event_date DATE, 
	kind VARCHAR(50), 
	description TEXT, 
	reported BOOLEAN, 
	CONSTRAINT pk_major_events PRIMARY KEY (id), 
	CONSTRAINT fk_major_events_platform_id_platforms FOREIGN KEY(platform_id) REFERENCES platforms (id) ON DELETE CASCADE
);
-- table outcomes
CREATE TABLE outcomes (
	id INTEGER NOT NULL, 
	platform_id INTEGER NOT NULL, 
	source_row INTEGER, 
	kind VARCHAR(50), 
	name VARCHAR(500), 
	outcome_date DATE, 
	level VARCHAR(50), 
	description TEXT, 
	evidence VARCHAR(500), 
	CONSTRAINT pk_outcomes PRIMARY KEY (id), 
	CONSTRAINT fk_outcomes_platform_id_platforms FOREIGN KEY(platform_id) REFERENCES platforms (id) ON DELETE CASCADE
);
-- table overall_comments
CREATE TABLE overall_comments (
	platform_id INTEGER NOT NULL, 
	text TEXT NOT NULL, 
	CONSTRAINT pk_overall_comments PRIMARY KEY (platform_id), 
	CONSTRAINT fk_overall_comments_platform_id_platforms FOREIGN KEY(platform_id) REFERENCES platforms (id) ON DELETE CASCADE
);
-- table package_meta
CREATE TABLE package_meta (
	id INTEGER NOT NULL, 
	format_version INTEGER NOT NULL, 
	package_id VARCHAR(36) NOT NULL, 
	cycle_id VARCHAR(36) NOT NULL, 
	cycle_name VARCHAR(200) NOT NULL, 
	period_start DATE, 
	period_end DATE, 
	language VARCHAR(8) NOT NULL, 
	expert_id INTEGER NOT NULL, 
	expert_name VARCHAR(100) NOT NULL, 
	hmac_key BLOB NOT NULL, 
	issued_at DATETIME NOT NULL, 
	app_version VARCHAR(40) NOT NULL, 
	rubric_json TEXT NOT NULL, 
	rules_json TEXT NOT NULL, 
	revision INTEGER NOT NULL, 
	locked BOOLEAN DEFAULT 0 NOT NULL, 
	CONSTRAINT pk_package_meta PRIMARY KEY (id), 
	CONSTRAINT ck_package_meta_single_row CHECK (id = 1)
);
-- table platform_metrics
CREATE TABLE platform_metrics (
	id INTEGER NOT NULL, 
	platform_id INTEGER NOT NULL, 
	"key" VARCHAR(100) NOT NULL, 
	value FLOAT, 
	CONSTRAINT pk_platform_metrics PRIMARY KEY (id), 
	CONSTRAINT uq_platform_metrics_platform_id_key UNIQUE (platform_id, "key"), 
	CONSTRAINT fk_platform_metrics_platform_id_platforms FOREIGN KEY(platform_id) REFERENCES platforms (id) ON DELETE CASCADE
);
-- table platforms
CREATE TABLE platforms (
	id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	filing_no VARCHAR(64) NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	name_en VARCHAR(300), 
	filing_date DATE, 
	resource_type VARCHAR(50), 
	host_unit VARCHAR(200), 
	credit_code VARCHAR(18), 
	registered_address VARCHAR(300), 
	supervising_department VARCHAR(200), 
	director VARCHAR(100), 
	contact_person VARCHAR(100), 
	contact_phone VARCHAR(50), 
	email VARCHAR(200), 
	portal_url VARCHAR(500), 
	service_start_date DATE, 
	period_start DATE, 
	period_end DATE, 
	CONSTRAINT pk_platforms PRIMARY KEY (id)
);
-- table regulations
CREATE TABLE regulations (
	id INTEGER NOT NULL, 
	platform_id INTEGER NOT NULL, 
	source_row INTEGER, 
	name VARCHAR(300), 
	document_no VARCHAR(100), 
	issued_on DATE, 
	CONSTRAINT pk_regulations PRIMARY KEY (id), 
	CONSTRAINT fk_regulations_platform_id_platforms FOREIGN KEY(platform_id) REFERENCES platforms (id) ON DELETE CASCADE
);
-- table resources
CREATE TABLE resources (
	id INTEGER NOT NULL, 
	platform_id INTEGER NOT NULL, 
	source_row INTEGER, 
	resource_code VARCHAR(100), 
	name VARCHAR(300), 
	category VARCHAR(100), 
	quantity FLOAT, 
	unit VARCHAR(50), 
	original_value FLOAT, 
	funding_source VARCHAR(200), 
	stored_on DATE, 
	open_share BOOLEAN, 
	share_mode VARCHAR(100), 
	online_status VARCHAR(100), 
	CONSTRAINT pk_resources PRIMARY KEY (id), 
	CONSTRAINT fk_resources_platform_id_platforms FOREIGN KEY(platform_id) REFERENCES platforms (id) ON DELETE CASCADE
);
-- table scores
CREATE TABLE scores (
	platform_id INTEGER NOT NULL, 
	indicator_code VARCHAR(20) NOT NULL, 
	points FLOAT, 
	comment TEXT, 
	CONSTRAINT pk_scores PRIMARY KEY (platform_id, indicator_code), 
	CONSTRAINT fk_scores_platform_id_platforms FOREIGN KEY(platform_id) REFERENCES platforms (id) ON DELETE CASCADE
);
-- table service_records
CREATE TABLE service_records (
	id INTEGER NOT NULL, 
	platform_id INTEGER NOT NULL, 
	source_row INTEGER, 
	service_date DATE, 
	user_unit VARCHAR(300), 
	user_type VARCHAR(50), 
	is_external BOOLEAN, 
	is_out_of_province BOOLEAN, 
	content TEXT, 
	resource_codes TEXT, 
	volume FLOAT, 
	unit VARCHAR(50), 
	fee_yuan FLOAT, 
	nature VARCHAR(20), 
	contract_no VARCHAR(100), 
	public_interest_category VARCHAR(100), 
	supported_project VARCHAR(300), 
	satisfaction INTEGER, 
	CONSTRAINT pk_service_records PRIMARY KEY (id), 
	CONSTRAINT fk_service_records_platform_id_platforms FOREIGN KEY(platform_id) REFERENCES platforms (id) ON DELETE CASCADE
);
-- table staff_members
CREATE TABLE staff_members (
	id INTEGER NOT NULL, 
	platform_id INTEGER NOT NULL, 
	source_row INTEGER, 
	name VARCHAR(100), 
	role VARCHAR(100), 
	full_time BOOLEAN, 
	title VARCHAR(100), 
	education VARCHAR(50), 
	effort_share FLOAT, 
	CONSTRAINT pk_staff_members PRIMARY KEY (id), 
	CONSTRAINT fk_staff_members_platform_id_platforms FOREIGN KEY(platform_id) REFERENCES platforms (id) ON DELETE CASCADE
);
-- table submissions
CREATE TABLE submissions (
	revision INTEGER NOT NULL, 
	submitted_at DATETIME NOT NULL, 
	file_name VARCHAR(300) NOT NULL, 
	sha256 VARCHAR(64) NOT NULL, 
	content BLOB NOT NULL, 
	CONSTRAINT pk_submissions PRIMARY KEY (revision)
);
-- table vetoes
CREATE TABLE vetoes (
	platform_id INTEGER NOT NULL, 
	veto_code VARCHAR(20) NOT NULL, 
	reason TEXT NOT NULL, 
	CONSTRAINT pk_vetoes PRIMARY KEY (platform_id, veto_code), 
	CONSTRAINT ck_vetoes_reason CHECK (length(trim(reason)) > 0), 
	CONSTRAINT fk_vetoes_platform_id_platforms FOREIGN KEY(platform_id) REFERENCES platforms (id) ON DELETE CASCADE
);
-- table work_summaries
CREATE TABLE work_summaries (
	id INTEGER NOT NULL, 
	platform_id INTEGER NOT NULL, 
	text TEXT NOT NULL, 
	attachment_name VARCHAR(300), 
	CONSTRAINT pk_work_summaries PRIMARY KEY (id), 
	CONSTRAINT fk_work_summaries_platform_id_platforms FOREIGN KEY(platform_id) REFERENCES platforms (id) ON DELETE CASCADE
);
