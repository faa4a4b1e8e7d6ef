-- When each inbox's newest scan that ended without a technical failure ended (exit 0, 2, 3
-- or 4: every file delivered, or its outcome one a person must act on). The metric an
-- operator alerts on, "no good scan for 26 hours", is pushed from here, so a run that fails
-- still pushes the time of the last good one (scan/CleanScans). One row per inbox: it never grows.
CREATE TABLE SCB_CLEAN_SCAN (
	INBOX VARCHAR(1000) NOT NULL,
	ENDED_AT TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT SCB_CLEAN_SCAN_PK PRIMARY KEY (INBOX)
);
