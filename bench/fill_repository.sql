-- Fills a PostgreSQL job repository for the "repository growth" benchmark (bench/run.sh).
--
--   psql -v copies=N -f bench/fill_repository.sql DATABASE
--
-- What it copies, and why the copies are truthful: the repository holds a few deliveries the
-- product itself made against the stand-in (the templates: scans of small files, one delivery
-- that failed because SCB could not be reached and was then resumed to LOADED). Each copy
-- repeats every template row -- job instance, executions, their parameters and contexts (the
-- journal), step executions and their contexts -- with new identities: new ids, a new JOB_KEY
-- and a new sha256 parameter, so each copy is a distinct delivery of its own; the times move so
-- that the copies spread evenly over the two years before now, oldest first by id, none in the
-- last day. The rows are therefore the product's own, column for column; only their number and
-- dates differ. Run it once, on a repository holding only the templates; it does not depend on
-- which indexes the migrations made.
\set ON_ERROR_STOP on

BEGIN;
CREATE TEMP TABLE template_bounds AS
SELECT (SELECT max(job_instance_id) FROM batch_job_instance) AS instances,
	(SELECT max(job_execution_id) FROM batch_job_execution) AS executions,
	(SELECT max(step_execution_id) FROM batch_step_execution) AS steps,
	(SELECT min(create_time) FROM batch_job_execution) AS first_time;
-- id strides: copy i's rows are the template's ids plus i times the template's largest id
CREATE TEMP TABLE copy AS
SELECT g AS i,
	now()::timestamp - interval '730 days'
		+ (interval '729 days') * (g::double precision / :copies) - b.first_time AS shift
FROM generate_series(1, :copies) g, template_bounds b;

INSERT INTO batch_job_instance (job_instance_id, version, job_name, job_key)
SELECT t.job_instance_id + c.i * b.instances, t.version, t.job_name, md5(t.job_key || ':' || c.i)
FROM batch_job_instance t, copy c, template_bounds b
WHERE t.job_instance_id <= b.instances;

INSERT INTO batch_job_execution (job_execution_id, version, job_instance_id, create_time, start_time, end_time,
	status, exit_code, exit_message, last_updated)
SELECT t.job_execution_id + c.i * b.executions, t.version, t.job_instance_id + c.i * b.instances,
	t.create_time + c.shift, t.start_time + c.shift, t.end_time + c.shift, t.status, t.exit_code, t.exit_message,
	t.last_updated + c.shift
FROM batch_job_execution t, copy c, template_bounds b
WHERE t.job_execution_id <= b.executions;

INSERT INTO batch_job_execution_params (job_execution_id, parameter_name, parameter_type, parameter_value, identifying)
SELECT t.job_execution_id + c.i * b.executions, t.parameter_name, t.parameter_type,
	CASE WHEN t.parameter_name = 'sha256' THEN md5(t.parameter_value || ':' || c.i) || md5(c.i || ':' || t.parameter_value)
		ELSE t.parameter_value END,
	t.identifying
FROM batch_job_execution_params t, copy c, template_bounds b
WHERE t.job_execution_id <= b.executions;

INSERT INTO batch_job_execution_context (job_execution_id, short_context, serialized_context)
SELECT t.job_execution_id + c.i * b.executions, t.short_context, t.serialized_context
FROM batch_job_execution_context t, copy c, template_bounds b
WHERE t.job_execution_id <= b.executions;

INSERT INTO batch_step_execution (step_execution_id, version, step_name, job_execution_id, create_time, start_time,
	end_time, status, commit_count, read_count, filter_count, write_count, read_skip_count, write_skip_count,
	process_skip_count, rollback_count, exit_code, exit_message, last_updated)
SELECT t.step_execution_id + c.i * b.steps, t.version, t.step_name, t.job_execution_id + c.i * b.executions,
	t.create_time + c.shift, t.start_time + c.shift, t.end_time + c.shift, t.status, t.commit_count, t.read_count,
	t.filter_count, t.write_count, t.read_skip_count, t.write_skip_count, t.process_skip_count, t.rollback_count,
	t.exit_code, t.exit_message, t.last_updated + c.shift
FROM batch_step_execution t, copy c, template_bounds b
WHERE t.step_execution_id <= b.steps;

INSERT INTO batch_step_execution_context (step_execution_id, short_context, serialized_context)
SELECT t.step_execution_id + c.i * b.steps, t.short_context, t.serialized_context
FROM batch_step_execution_context t, copy c, template_bounds b
WHERE t.step_execution_id <= b.steps;

-- the deliveries still open (migration V5): a copy of an open template is open too (the
-- templates all end LOADED, so none is, as in a repository the product wrote)
INSERT INTO scb_open_delivery (job_instance_id)
SELECT t.job_instance_id + c.i * b.instances
FROM scb_open_delivery t, copy c, template_bounds b
WHERE t.job_instance_id <= b.instances;

-- the product's next ids come after the copies
SELECT setval('batch_job_instance_seq', (SELECT max(job_instance_id) FROM batch_job_instance));
SELECT setval('batch_job_execution_seq', (SELECT max(job_execution_id) FROM batch_job_execution));
SELECT setval('batch_step_execution_seq', (SELECT max(step_execution_id) FROM batch_step_execution));
COMMIT;
ANALYZE;
