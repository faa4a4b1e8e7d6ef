package se.scbdelivery.scb;

import java.nio.file.Path;
import java.util.function.Supplier;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import se.scbdelivery.config.ScbProperties;
import se.scbdelivery.scb.gdb.DeliveryId;
import se.scbdelivery.scb.gdb.DeliveryReceipt;
import se.scbdelivery.scb.gdb.GdbClient;
import se.scbdelivery.scb.gdb.GdbSession;
import se.scbdelivery.scb.gdb.HistoryEntry;
import se.scbdelivery.scb.gdb.ReactorGdbClient;
import se.scbdelivery.scb.gdb.UploadTarget;
import se.scbdelivery.scb.generic.GenericDeliveryClient;
import se.scbdelivery.scb.generic.GenericSubmission;
import se.scbdelivery.scb.generic.ProcessingState;
import se.scbdelivery.scb.generic.ReactorGenericDeliveryClient;
import se.scbdelivery.scb.generic.Ticket;
import se.scbdelivery.scb.generic.ValidationResult;

/**
 * The process's clients for SCB's two APIs. Each is built on first use rather than at
 * start-up: a key store that cannot be opened, or a generic base URL the environment does not
 * have, is then reported by the delivery's own checks, as one line and exit code 2, instead
 * of failing the application's start.
 */
@Configuration(proxyBeanMethods = false)
class ScbClientConfiguration {

	@Bean
	GdbClient gdbClient(ScbProperties properties) {
		return new GdbBuiltOnFirstUse(() -> ReactorGdbClient.create(properties));
	}

	@Bean
	GenericDeliveryClient genericDeliveryClient(ScbProperties properties) {
		return new GenericBuiltOnFirstUse(() -> ReactorGenericDeliveryClient.create(properties));
	}

	/** Builds a client once, on first use; a failed build is tried again on the next use. */
	private static final class OnFirstUse<T> {

		private final Supplier<T> factory;

		private volatile T built;

		OnFirstUse(Supplier<T> factory) {
			this.factory = factory;
		}

		T get() {
			T client = this.built;
			if (client == null) {
				synchronized (this) {
					if (this.built == null) {
						this.built = this.factory.get();
					}
					client = this.built;
				}
			}
			return client;
		}

	}

	private static final class GenericBuiltOnFirstUse implements GenericDeliveryClient {

		private final OnFirstUse<GenericDeliveryClient> client;

		GenericBuiltOnFirstUse(Supplier<GenericDeliveryClient> factory) {
			this.client = new OnFirstUse<>(factory);
		}

		@Override
		public void heartbeat() {
			this.client.get().heartbeat();
		}

		@Override
		public Ticket submit(GenericSubmission submission, Path file) {
			return this.client.get().submit(submission, file);
		}

		@Override
		public ProcessingState status(Ticket ticket) {
			return this.client.get().status(ticket);
		}

		@Override
		public ValidationResult result(Ticket ticket) {
			return this.client.get().result(ticket);
		}

	}

	private static final class GdbBuiltOnFirstUse implements GdbClient {

		private final OnFirstUse<GdbClient> client;

		GdbBuiltOnFirstUse(Supplier<GdbClient> factory) {
			this.client = new OnFirstUse<>(factory);
		}

		private GdbClient client() {
			return this.client.get();
		}

		@Override
		public GdbSession heartbeat() {
			return client().heartbeat();
		}

		@Override
		public void uploadFragment(GdbSession session, UploadTarget target, int index, Path file, long offset,
				int length) {
			client().uploadFragment(session, target, index, file, offset, length);
		}

		@Override
		public DeliveryReceipt complete(GdbSession session, UploadTarget target) {
			return client().complete(session, target);
		}

		@Override
		public HistoryEntry history(GdbSession session, DeliveryId deliveryId) {
			return client().history(session, deliveryId);
		}

	}

}
