package dev.orderflow.delivery.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Repository;

import dev.orderflow.delivery.domain.Deliveries;
import dev.orderflow.delivery.domain.Delivery;
import dev.orderflow.delivery.domain.DeliverySearch;

@Repository
class JpaDeliveries implements Deliveries {

    private final DeliveryJpaRepository repository;

    JpaDeliveries(DeliveryJpaRepository repository) {
        this.repository = repository;
    }

    @Override
    public void add(Delivery delivery) {
        repository.save(delivery);
    }

    @Override
    public Optional<Delivery> find(UUID id) {
        return repository.findById(id);
    }

    @Override
    public Optional<Delivery> findByOrder(UUID orderId) {
        return repository.findByOrderId(orderId);
    }

    @Override
    public List<Delivery> list(DeliverySearch search) {
        PageRequest pageRequest = PageRequest.of(search.page(), search.size(),
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id")));
        return repository.findAll(matching(search), pageRequest).getContent();
    }

    @Override
    public long count(DeliverySearch search) {
        return repository.count(matching(search));
    }

    private static Specification<Delivery> matching(DeliverySearch search) {
        Specification<Delivery> matching = Specification.unrestricted();
        if (search.customerId() != null) {
            matching = matching.and((root, query, cb) -> cb.equal(root.get("customerId"), search.customerId()));
        }
        if (search.status() != null) {
            matching = matching.and((root, query, cb) -> cb.equal(root.get("status"), search.status()));
        }
        return matching;
    }
}
