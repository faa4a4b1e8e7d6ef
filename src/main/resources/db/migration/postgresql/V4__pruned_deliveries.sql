-- What prune keeps of each delivery it removed whose file is not to be delivered again:
-- one that SCB gave its verdict on (LOADED, LOADED_WITH_ERRORS, NOT_LOADED) or that a person
-- abandoned. The launcher reads it where a file has no job instance (retention/PrunedDeliveryRecords).
-- JOB_KEY is Spring Batch's, as in BATCH_JOB_INSTANCE; the times are local, as Spring Batch's are.
-- IF NOT EXISTS: the program created the same objects itself before these migrations existed.
CREATE TABLE IF NOT EXISTS SCB_PRUNED_DELIVERY (
	JOB_NAME VARCHAR(100) NOT NULL,
	JOB_KEY VARCHAR(32) NOT NULL,
	INSTANCE_ID BIGINT NOT NULL,
	EXECUTION_ID BIGINT NOT NULL,
	OUTCOME VARCHAR(20) NOT NULL,
	STARTED TIMESTAMP,
	ENDED TIMESTAMP NOT NULL,
	FILE_NAME VARCHAR(2500) NOT NULL,
	RECEIPT VARCHAR(255),
	FRAGMENTS INTEGER NOT NULL,
	FRAGMENT_SIZE INTEGER NOT NULL,
	DECISION VARCHAR(2500),
	PRUNED_AT TIMESTAMP NOT NULL,
	CONSTRAINT SCB_PRUNED_DELIVERY_PK PRIMARY KEY (JOB_NAME, JOB_KEY)
);

-- prune's selection: executions that ended before a time, and whether one is its instance's newest
CREATE INDEX IF NOT EXISTS SCB_JOB_EXECUTION_END_IX ON BATCH_JOB_EXECUTION (END_TIME, STATUS);
CREATE INDEX IF NOT EXISTS SCB_JOB_EXECUTION_INSTANCE_IX ON BATCH_JOB_EXECUTION (JOB_INSTANCE_ID, JOB_EXECUTION_ID);

-- prune's deletion by execution: H2 indexes the foreign keys by itself, PostgreSQL does not
CREATE INDEX IF NOT EXISTS SCB_JOB_EXECUTION_PARAMS_IX ON BATCH_JOB_EXECUTION_PARAMS (JOB_EXECUTION_ID);
CREATE INDEX IF NOT EXISTS SCB_STEP_EXECUTION_JOB_IX ON BATCH_STEP_EXECUTION (JOB_EXECUTION_ID);
