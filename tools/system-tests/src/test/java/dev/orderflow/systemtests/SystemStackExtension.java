package dev.orderflow.systemtests;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands every test class the one {@link SystemStack} of the run: started on first use, closed by JUnit when the run
 * ends. A stack that failed to start fails every test with the same error instead of being started again. Before
 * each test, the system is back to serving (see {@link SystemStack#awaitServing()}).
 */
public final class SystemStackExtension implements ParameterResolver, BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        stackOf(context).awaitServing();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SystemStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return stackOf(context);
    }

    private static SystemStack stackOf(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(Startup.class, key -> new Startup(), Startup.class)
                .stack();
    }

    /** The outcome of the one start: the stack, or why it could not start. */
    private static final class Startup implements AutoCloseable {

        private SystemStack stack;
        private RuntimeException failure;

        Startup() {
            try {
                stack = SystemStack.start();
            } catch (RuntimeException e) {
                failure = e;
            }
        }

        SystemStack stack() {
            if (failure != null) {
                throw failure;
            }
            return stack;
        }

        @Override
        public void close() {
            if (stack != null) {
                stack.close();
            }
        }
    }
}
