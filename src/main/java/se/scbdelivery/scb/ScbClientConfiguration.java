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

/**
 * The one GDB client of the process. It is built on first use rather than at start-up: a
 * key store that cannot be opened is then reported by the delivery's own checks, as one line
 * and exit code 2, instead of failing the application's start.
 */
@Configuration(proxyBeanMethods = false)
class ScbClientConfiguration {

	@Bean
	GdbClient gdbClient(ScbProperties properties) {
		return new BuiltOnFirstUse(() -> ReactorGdbClient.create(properties));
	}

	private static final class BuiltOnFirstUse implements GdbClient {

		private final Supplier<GdbClient> factory;

		private volatile GdbClient client;

		BuiltOnFirstUse(Supplier<GdbClient> factory) {
			this.factory = factory;
		}

		private GdbClient client() {
			GdbClient built = this.client;
			if (built == null) {
				synchronized (this) {
					if (this.client == null) {
						this.client = this.factory.get();
					}
					built = this.client;
				}
			}
			return built;
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
