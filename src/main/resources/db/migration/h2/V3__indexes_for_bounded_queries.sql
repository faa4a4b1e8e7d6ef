-- The indexes that keep the product's queries bounded by what they find, not by how many
-- executions the repository keeps (issue "A job repository that stays fast for years").
-- H2 indexes the columns of foreign keys by itself; these add the orders and the columns
-- the queries filter on. The same names as on PostgreSQL.

-- a delivery's executions, newest first: the identity check of scan and deliver, and
-- "is there a later execution?" in list and restart --failed
CREATE INDEX IF NOT EXISTS SCB_JOB_EXECUTION_INSTANCE_IX ON BATCH_JOB_EXECUTION (JOB_INSTANCE_ID, JOB_EXECUTION_ID);
-- restart --failed and list --status: the few executions that did not complete
CREATE INDEX IF NOT EXISTS SCB_JOB_EXECUTION_STATUS_IX ON BATCH_JOB_EXECUTION (STATUS, JOB_EXECUTION_ID);
-- list --since
CREATE INDEX IF NOT EXISTS SCB_JOB_EXECUTION_START_IX ON BATCH_JOB_EXECUTION (START_TIME);
-- prune --older-than
CREATE INDEX IF NOT EXISTS SCB_JOB_EXECUTION_END_IX ON BATCH_JOB_EXECUTION (END_TIME);
-- every read of an execution: its steps in order
CREATE INDEX IF NOT EXISTS SCB_STEP_EXECUTION_JOB_IX ON BATCH_STEP_EXECUTION (JOB_EXECUTION_ID, STEP_EXECUTION_ID);
-- list --org (H2 has no partial indexes; its entries have no length limit to meet)
CREATE INDEX IF NOT EXISTS SCB_JOB_EXECUTION_ORG_IX ON BATCH_JOB_EXECUTION_PARAMS (PARAMETER_NAME, PARAMETER_VALUE);
