-- The deliveries 'restart --failed' may resume: those whose newest execution has not reached
-- an outcome that ends them (SCB's verdict, a refusal, bad input, a person's decision). A
-- failure a later execution took over stays FAILED in BATCH_JOB_EXECUTION for good, and no
-- index can tell it from one that waits to be resumed; so restart --failed, reading
-- BATCH_JOB_EXECUTION by status, read every failure ever. This table holds one row per
-- delivery still open, written as each execution begins and removed when one ends its
-- delivery (delivery/outcome/OpenDeliveries), and restart --failed starts from it: its cost
-- follows the deliveries it may resume, not the repository's years.
CREATE TABLE SCB_OPEN_DELIVERY (
	JOB_INSTANCE_ID BIGINT NOT NULL,
	CONSTRAINT SCB_OPEN_DELIVERY_PK PRIMARY KEY (JOB_INSTANCE_ID)
);

-- a repository made before this version: every delivery whose newest execution did not end
-- it, as restart --failed chose them until now
INSERT INTO SCB_OPEN_DELIVERY (JOB_INSTANCE_ID)
SELECT E.JOB_INSTANCE_ID FROM BATCH_JOB_EXECUTION E
WHERE NOT EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION L
		WHERE L.JOB_INSTANCE_ID = E.JOB_INSTANCE_ID AND L.JOB_EXECUTION_ID > E.JOB_EXECUTION_ID)
	AND E.STATUS NOT IN ('COMPLETED', 'ABANDONED')
	AND (E.EXIT_CODE IS NULL OR E.EXIT_CODE NOT IN ('REFUSED', 'INVALID_INPUT'));
