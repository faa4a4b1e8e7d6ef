-- The indexes that keep the product's queries bounded by what they find, not by how many
-- executions the repository keeps (issue "A job repository that stays fast for years").
-- Spring Batch's schema indexes only its primary keys and JOB_INST_UN: without these, every
-- read of an execution's parameters or steps, and every "newest execution of this delivery",
-- scans the whole table.

-- a delivery's executions, newest first: the identity check of scan and deliver, and
-- "is there a later execution?" in list and restart --failed
CREATE INDEX IF NOT EXISTS SCB_JOB_EXECUTION_INSTANCE_IX ON BATCH_JOB_EXECUTION (JOB_INSTANCE_ID, JOB_EXECUTION_ID);
-- restart --failed and list --status: the few executions that did not complete
CREATE INDEX IF NOT EXISTS SCB_JOB_EXECUTION_STATUS_IX ON BATCH_JOB_EXECUTION (STATUS, JOB_EXECUTION_ID);
-- list --since
CREATE INDEX IF NOT EXISTS SCB_JOB_EXECUTION_START_IX ON BATCH_JOB_EXECUTION (START_TIME);
-- prune --older-than
CREATE INDEX IF NOT EXISTS SCB_JOB_EXECUTION_END_IX ON BATCH_JOB_EXECUTION (END_TIME);
-- every read of an execution: its parameters and its steps
CREATE INDEX IF NOT EXISTS SCB_JOB_EXECUTION_PARAMS_IX ON BATCH_JOB_EXECUTION_PARAMS (JOB_EXECUTION_ID);
CREATE INDEX IF NOT EXISTS SCB_STEP_EXECUTION_JOB_IX ON BATCH_STEP_EXECUTION (JOB_EXECUTION_ID, STEP_EXECUTION_ID);
-- list --org: only the organisation parameter, so no long value (a file path) meets
-- PostgreSQL's limit on an index entry
CREATE INDEX IF NOT EXISTS SCB_JOB_EXECUTION_ORG_IX ON BATCH_JOB_EXECUTION_PARAMS (PARAMETER_VALUE, JOB_EXECUTION_ID)
	WHERE PARAMETER_NAME = 'organisation';
