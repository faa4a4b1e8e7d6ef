package se.scbdelivery.delivery.waiting;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import se.scbdelivery.delivery.Channel;
import se.scbdelivery.delivery.DeliveryJobParameters;
import se.scbdelivery.delivery.LeaseLostException;
import se.scbdelivery.testsupport.ProductSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The follower's pace: each waiting delivery at its own doubling interval, all of them
 * together within {@code scb.poll.max-rate}, let go at the timeout or when the process
 * stops. A status check that records when it was asked stands in for SCB: the timing is
 * the follower's own.
 */
class DeliveryFollowerTest {

	@TempDir
	Path dir;

	private final Clock clock = Clock.systemUTC();

	@Test
	void pollsOfAllWaitingDeliveriesKeepTheRateApart() throws Exception {
		// 5 polls a second for everyone; each delivery would like a poll every 10 ms
		RecordingCheck check = new RecordingCheck(3);
		DeliveryFollower follower = follower(check, settings().with("scb.poll.max-rate", "5"));
		List<CompletableFuture<FollowEnd>> ends = new ArrayList<>();
		for (long id = 1; id <= 3; id++) {
			ends.add(follower.follow(execution(id)));
		}

		for (CompletableFuture<FollowEnd> end : ends) {
			assertThat(end.get(30, TimeUnit.SECONDS)).isEqualTo(FollowEnd.FINAL);
		}
		follower.stop();

		List<Instant> polls = check.all();
		assertThat(polls).hasSize(9);
		for (int i = 1; i < polls.size(); i++) {
			assertThat(Duration.between(polls.get(i - 1), polls.get(i))).as("between poll %d and %d", i, i + 1)
				.isGreaterThanOrEqualTo(Duration.ofMillis(180));
		}
	}

	@Test
	void eachDeliveryKeepsItsOwnDoublingPace() throws Exception {
		RecordingCheck check = new RecordingCheck(4);
		DeliveryFollower follower = follower(check,
				settings().pollInterval("100ms").pollMaxInterval("400ms").with("scb.poll.max-rate", "1000"));
		Instant parked = this.clock.instant();

		assertThat(follower.follow(execution(1)).get(30, TimeUnit.SECONDS)).isEqualTo(FollowEnd.FINAL);
		follower.stop();

		// waits of at least 100, 200, 400 and 400 ms after the upload's own poll
		List<Instant> polls = check.of(1);
		assertThat(polls).hasSize(4);
		List<Duration> waits = new ArrayList<>();
		Instant before = parked;
		for (Instant poll : polls) {
			waits.add(Duration.between(before, poll));
			before = poll;
		}
		assertThat(waits.get(0)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
		assertThat(waits.get(1)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
		assertThat(waits.get(2)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
		assertThat(waits.get(3)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
	}

	@Test
	void aDeliveryIsLetGoWhenItsNextPollWouldComePastTheTimeout() throws Exception {
		RecordingCheck check = new RecordingCheck(Integer.MAX_VALUE);
		ProductSettings settings = settings().pollInterval("50ms").pollMaxInterval("50ms").pollTimeout("300ms");
		WaitingRuns runs = new WaitingRuns(settings.scbProperties(), this.clock);
		DeliveryFollower follower = new DeliveryFollower(List.of(check), runs, settings.scbProperties(), this.clock);
		JobExecution execution = execution(1);
		// the upload's own poll starts the wait
		runs.beforePoll(execution, "id-1", "waiting", "restart");

		assertThat(follower.follow(execution).get(30, TimeUnit.SECONDS)).isEqualTo(FollowEnd.TIMED_OUT);
		follower.stop();

		assertThat(check.of(1)).hasSizeBetween(1, 6);
		assertThat(check.lettingGo).containsExactly(1L);
		// the restart's poll step then fails, saying how long SCB took
		assertThatThrownBy(() -> runs.beforePoll(execution, "id-1", "SCB has not finished", "restart 1"))
			.isInstanceOf(ProcessingTimeoutException.class)
			.hasMessageStartingWith("SCB has not finished after PT")
			.hasMessageContaining("(scb.poll.timeout=PT0.3S): restart 1");
	}

	@Test
	void stoppingLetsEveryWaitingDeliveryGoAndFollowsNoNewOne() throws Exception {
		RecordingCheck check = new RecordingCheck(Integer.MAX_VALUE);
		DeliveryFollower follower = follower(check, settings().pollInterval("1h").pollMaxInterval("1h"));
		CompletableFuture<FollowEnd> first = follower.follow(execution(1));
		CompletableFuture<FollowEnd> second = follower.follow(execution(2));

		assertThat(follower.waiting()).isEqualTo(2);
		assertThat(follower.stop()).isEqualTo(2);

		assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(FollowEnd.STOPPING);
		assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(FollowEnd.STOPPING);
		assertThat(follower.follow(execution(3)).get(5, TimeUnit.SECONDS)).isEqualTo(FollowEnd.STOPPING);
		assertThat(check.all()).isEmpty();
		assertThat(check.lettingGo).containsExactlyInAnyOrder(1L, 2L);
	}

	@Test
	void aDeliveryWhoseLeaseIsLostIsLetGoAtOnceAndNotPolledAgain() throws Exception {
		// the second poll finds the lease lost (its check comes before SCB is called)
		RecordingCheck check = new RecordingCheck(Integer.MAX_VALUE, 2);
		DeliveryFollower follower = follower(check, settings().pollInterval("10ms").pollMaxInterval("10ms"));
		CompletableFuture<FollowEnd> other = follower.follow(execution(2));

		assertThat(follower.follow(execution(1)).get(30, TimeUnit.SECONDS)).isEqualTo(FollowEnd.LEASE_LOST);

		assertThat(check.of(1)).as("polls that reached SCB").hasSize(1);
		assertThat(check.lettingGo).contains(1L);
		assertThat(other).as("another delivery is still followed").isNotDone();
		follower.stop();
	}

	private ProductSettings settings() {
		return ProductSettings.standard(DeliveryFollowerTest.class, this.dir);
	}

	private DeliveryFollower follower(StatusCheck check, ProductSettings settings) {
		return new DeliveryFollower(List.of(check), new WaitingRuns(settings.scbProperties(), this.clock),
				settings.scbProperties(), this.clock);
	}

	private static JobExecution execution(long id) {
		return new JobExecution(id, new JobInstance(id, Channel.GDB.jobName()),
				new JobParametersBuilder().addString(DeliveryJobParameters.API, Channel.GDB.key())
					.addString(DeliveryJobParameters.FILE_NAME, "file-" + id + ".xml")
					.toJobParameters());
	}

	/** SCB's stand-in for this test: final on the given poll of each execution. */
	private static final class RecordingCheck implements StatusCheck {

		private final int finalOnPoll;

		private final int leaseLostOnPoll;

		private final Map<Long, List<Instant>> polls = new ConcurrentHashMap<>();

		private final List<Instant> all = new ArrayList<>();

		private final List<Long> lettingGo = new ArrayList<>();

		RecordingCheck(int finalOnPoll) {
			this(finalOnPoll, Integer.MAX_VALUE);
		}

		/** With execution 1's lease lost from the given poll on. */
		RecordingCheck(int finalOnPoll, int leaseLostOnPoll) {
			this.finalOnPoll = finalOnPoll;
			this.leaseLostOnPoll = leaseLostOnPoll;
		}

		@Override
		public Channel channel() {
			return Channel.GDB;
		}

		@Override
		public synchronized boolean poll(JobExecution execution) {
			Instant now = Instant.now();
			List<Instant> mine = this.polls.computeIfAbsent(execution.getId(), (id) -> new ArrayList<>());
			if (execution.getId() == 1 && mine.size() + 1 >= this.leaseLostOnPoll) {
				throw new LeaseLostException("another process (other-host:4711) took over the delivery");
			}
			this.all.add(now);
			mine.add(now);
			return mine.size() >= this.finalOnPoll;
		}

		@Override
		public synchronized void letGo(JobExecution execution) {
			this.lettingGo.add(execution.getId());
		}

		synchronized List<Instant> all() {
			return List.copyOf(this.all);
		}

		synchronized List<Instant> of(long execution) {
			return List.copyOf(this.polls.getOrDefault(execution, List.of()));
		}

	}

}
