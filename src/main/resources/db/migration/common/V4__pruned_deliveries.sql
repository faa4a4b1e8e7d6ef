-- What prune keeps of each delivery it removed whose file is not to be delivered again:
-- one that SCB gave its verdict on (LOADED, LOADED_WITH_ERRORS, NOT_LOADED) or that a person
-- abandoned. The launcher reads it where a file has no job instance (retention/PrunedDeliveryRecords).
-- JOB_KEY is Spring Batch's, as in BATCH_JOB_INSTANCE; the times are local, as Spring Batch's are.
CREATE TABLE SCB_PRUNED_DELIVERY (
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

-- prune's selection and deletion use V3's indexes (END_TIME, a delivery's executions, their
-- parameters and steps)
