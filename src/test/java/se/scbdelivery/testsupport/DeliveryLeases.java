package se.scbdelivery.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

import static org.awaitility.Awaitility.await;

/**
 * The delivery leases in an H2 job repository's lease table ({@code SCB_DELIVERY_LOCK}),
 * read as the program reads them: against the database's clock, as ShedLock compares
 * {@code LOCK_UNTIL} with {@code CURRENT_TIMESTAMP(3)}. Only while no delivery process
 * has the H2 file open.
 */
public final class DeliveryLeases {

	private DeliveryLeases() {
	}

	/**
	 * How long the longest-running lease still runs, as the table says; empty when none
	 * runs.
	 */
	public static Optional<Duration> longestRemaining(ProductSettings settings) {
		try (Connection connection = settings.connectToJobRepository();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT DATEDIFF(MILLISECOND, CURRENT_TIMESTAMP(3), "
						+ "MAX(LOCK_UNTIL)) FROM SCB_DELIVERY_LOCK")) {
			rows.next();
			long remaining = rows.getLong(1);
			return (rows.wasNull() || remaining <= 0) ? Optional.empty() : Optional.of(Duration.ofMillis(remaining));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot read the lease table: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Polls the table until no lease runs: from then on any process may take every
	 * delivery over.
	 */
	public static void awaitLapsed(ProductSettings settings, Duration atMost) {
		await("every delivery lease in the job repository to lapse").atMost(atMost)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> longestRemaining(settings).isEmpty());
	}

}
