-- The delivery leases (ShedLock's table, delivery/launch/DeliveryLocks): one row per delivery
-- that a process holds or held. IF NOT EXISTS: a repository made before migrations has it
-- already, and is adopted at version 1 (repository/RepositoryMigrations).
CREATE TABLE IF NOT EXISTS SCB_DELIVERY_LOCK (
	NAME VARCHAR(64) NOT NULL PRIMARY KEY,
	LOCK_UNTIL TIMESTAMP(3) NOT NULL,
	LOCKED_AT TIMESTAMP(3) NOT NULL,
	LOCKED_BY VARCHAR(255) NOT NULL
);
