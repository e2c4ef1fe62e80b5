package dev.orderflow.testinfra;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring's transaction life cycle (synchronizations, commit, rollback) over no resource at all: for unit
 * tests of code that acts once a transaction has committed.
 */
public final class NoResourceTransactions {

    private NoResourceTransactions() {
    }

    public static TransactionTemplate template() {
        return new TransactionTemplate(new Manager());
    }

    private static final class Manager extends AbstractPlatformTransactionManager {

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
