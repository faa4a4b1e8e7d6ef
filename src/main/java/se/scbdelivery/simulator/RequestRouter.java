package se.scbdelivery.simulator;

import java.util.function.BiFunction;

import org.reactivestreams.Publisher;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Sends each request to the API its path belongs to, before its body is read: the generic
 * service streams its bodies, the GDB API reads them whole. Paths below neither go to the
 * GDB API, whose 404 names both bases.
 */
final class RequestRouter implements BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {

	private final GdbRouter gdb;

	private final GenericRouter generic;

	RequestRouter(GdbRouter gdb, GenericRouter generic) {
		this.gdb = gdb;
		this.generic = generic;
	}

	@Override
	public Publisher<Void> apply(HttpServerRequest request, HttpServerResponse response) {
		if (RequestPath.rawPath(request.uri()).startsWith(RequestPath.GENERIC_BASE)) {
			return this.generic.apply(request, response);
		}
		return this.gdb.apply(request, response);
	}

}
