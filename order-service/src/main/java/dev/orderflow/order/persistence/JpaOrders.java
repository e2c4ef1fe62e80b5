package dev.orderflow.order.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Repository;

import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.OrderSearch;
import dev.orderflow.order.domain.OrderStatus;
import dev.orderflow.order.domain.Orders;
import dev.orderflow.order.domain.ResultPage;

@Repository
class JpaOrders implements Orders {

    private final OrderJpaRepository repository;

    JpaOrders(OrderJpaRepository repository) {
        this.repository = repository;
    }

    @Override
    public void add(Order order) {
        repository.save(order);
    }

    @Override
    public Optional<Order> find(UUID id) {
        return repository.findById(id);
    }

    @Override
    public List<UUID> pendingPlacedBefore(Instant cutoff, int limit) {
        return repository.findIdsByStatusCreatedBefore(OrderStatus.PENDING, cutoff, Limit.of(limit));
    }

    @Override
    public ResultPage<Order> search(OrderSearch search) {
        Specification<Order> matching = Specification.unrestricted();
        if (search.customerId() != null) {
            matching = matching.and((root, query, cb) -> cb.equal(root.get("customerId"), search.customerId()));
        }
        if (search.status() != null) {
            matching = matching.and((root, query, cb) -> cb.equal(root.get("status"), search.status()));
        }
        PageRequest pageRequest = PageRequest.of(search.page(), search.size(),
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id")));
        Page<Order> page = repository.findAll(matching, pageRequest);
        return new ResultPage<>(page.getContent(), search.page(), search.size(), page.getTotalElements());
    }
}
