package se.scbdelivery.simulator.server;

import java.util.function.BiFunction;

import org.reactivestreams.Publisher;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Sends each request to the API its path belongs to, before its body is read: the generic
 * service streams its bodies, the GDB API reads them whole. Paths below neither go to the
 * GDB API, whose 404 names both bases.
 */
public final class RequestRouter implements BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {

	private final BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> gdb;

	private final BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> generic;

	/**
	 * @param gdb serves {@value RequestPath#GDB_BASE} and every path below neither base
	 * @param generic serves {@value RequestPath#GENERIC_BASE}
	 */
	public RequestRouter(BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> gdb,
			BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> generic) {
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
