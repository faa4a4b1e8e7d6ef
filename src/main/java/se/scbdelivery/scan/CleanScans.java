package se.scbdelivery.scan;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import se.scbdelivery.report.ScanSummary;
import se.scbdelivery.repository.RepositoryOutages;

/**
 * When each inbox's newest scan ended without a technical failure, kept in
 * {@code SCB_CLEAN_SCAN} (migration V6): the job repository is what every pod, retry and
 * night share, so a scan that fails still knows, and pushes, when the last good one
 * ended.
 */
@Component
public class CleanScans {

	private static final Logger logger = LoggerFactory.getLogger(CleanScans.class);

	/**
	 * The exit codes of a scan that did its work: delivered, or outcomes a person must
	 * act on. 1 (a technical failure) and a stop on request are not.
	 */
	private static final Set<Integer> CLEAN_EXITS = Set.of(0, 2, 3, 4);

	private final JdbcTemplate jdbc;

	private final RepositoryOutages outages;

	CleanScans(JdbcTemplate jdbc, RepositoryOutages outages) {
		this.jdbc = jdbc;
		this.outages = outages;
	}

	/** Whether the scan ended without a technical failure and was not stopped. */
	public static boolean isClean(ScanSummary summary) {
		return summary.stop() == null && CLEAN_EXITS.contains(summary.exitCode());
	}

	/**
	 * Records the scan's end if it was clean, and answers when the inbox's newest clean
	 * scan ended; empty when none is recorded or the repository cannot be read, which is
	 * logged: the scan's outcome stands either way.
	 */
	public Optional<Instant> recordAndRead(ScanSummary summary) {
		String inbox = summary.inbox();
		try {
			if (isClean(summary)) {
				this.outages.read(() -> record(inbox, summary.endedAt()));
			}
			return this.outages.read(() -> newest(inbox));
		}
		catch (DataAccessException ex) {
			logger.warn("The end of this scan could not be recorded or read for the metrics: {}", ex.toString(), ex);
			return Optional.empty();
		}
	}

	private int record(String inbox, Instant endedAt) {
		OffsetDateTime ended = endedAt.atOffset(ZoneOffset.UTC);
		int updated = moveLater(inbox, ended);
		if (updated > 0 || newest(inbox).isPresent()) {
			return updated;
		}
		try {
			return this.jdbc.update("INSERT INTO SCB_CLEAN_SCAN (INBOX, ENDED_AT) VALUES (?, ?)", inbox, ended);
		}
		catch (DuplicateKeyException ex) {
			// another pod's scan of the same inbox wrote its row in between: keep the
			// later
			return moveLater(inbox, ended);
		}
	}

	/** Sets the inbox's end to {@code ended} where it is later than the one recorded. */
	private int moveLater(String inbox, OffsetDateTime ended) {
		return this.jdbc.update("UPDATE SCB_CLEAN_SCAN SET ENDED_AT = ? WHERE INBOX = ? AND ENDED_AT < ?", ended, inbox,
				ended);
	}

	private Optional<Instant> newest(String inbox) {
		List<OffsetDateTime> ends = this.jdbc.queryForList("SELECT ENDED_AT FROM SCB_CLEAN_SCAN WHERE INBOX = ?",
				OffsetDateTime.class, inbox);
		return ends.stream().findFirst().map(OffsetDateTime::toInstant);
	}

}
