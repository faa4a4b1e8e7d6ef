package se.scbdelivery.cli;

import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Builds the commands for reading the arguments only, before the application has started:
 * their collaborators are Spring beans, which a command needs to run, not to have its
 * options parsed or its help printed. Each command's constructor is given no
 * collaborators; a command built here is never called.
 */
final class ParseOnlyFactory implements IFactory {

	@Override
	public <K> K create(Class<K> type) throws Exception {
		Constructor<?>[] constructors = type.getDeclaredConstructors();
		if (type.isAnnotationPresent(CommandLine.Command.class) && constructors.length == 1
				&& constructors[0].getParameterCount() > 0) {
			Constructor<?> constructor = constructors[0];
			constructor.setAccessible(true);
			Object[] none = new Object[constructor.getParameterCount()];
			Parameter[] parameters = constructor.getParameters();
			for (int i = 0; i < none.length; i++) {
				none[i] = nothing(parameters[i].getType());
			}
			return type.cast(constructor.newInstance(none));
		}
		return CommandLine.defaultFactory().create(type);
	}

	private static @Nullable Object nothing(Class<?> type) {
		if (!type.isPrimitive()) {
			return null;
		}
		if (type == boolean.class) {
			return false;
		}
		if (type == char.class) {
			return '\0';
		}
		return 0;
	}

}
