package se.scbdelivery.repository;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A data source whose connections wait out an outage of the database: every transaction
 * that begins while the database fails over or restarts waits for it, within the
 * tolerance, instead of failing the delivery it belongs to.
 */
final class OutageTolerantDataSource extends DelegatingDataSource {

	private final Supplier<RepositoryOutages> outages;

	OutageTolerantDataSource(DataSource delegate, Supplier<RepositoryOutages> outages) {
		super(delegate);
		this.outages = outages;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return connect(() -> obtainTargetDataSource().getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return connect(() -> obtainTargetDataSource().getConnection(username, password));
	}

	private Connection connect(Callable<Connection> connect) throws SQLException {
		RepositoryOutages known = this.outages.get();
		try {
			return known.rideOut(connect, null);
		}
		catch (SQLException ex) {
			String givenUp = known.givenUpReason();
			throw (givenUp != null) ? new SQLTransientConnectionException(givenUp, "08001", ex) : ex;
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new SQLException(ex.getMessage(), ex);
		}
	}

}
