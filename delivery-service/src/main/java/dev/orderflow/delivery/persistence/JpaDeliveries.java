package dev.orderflow.delivery.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Repository;

import dev.orderflow.delivery.domain.Deliveries;
import dev.orderflow.delivery.domain.Delivery;
import dev.orderflow.delivery.domain.DeliveryStatus;

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
    public List<Delivery> list(DeliveryStatus status, int page, int size) {
        PageRequest pageRequest = PageRequest.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id")));
        return status == null ? repository.findAll(pageRequest).getContent() : repository.findByStatus(status, pageRequest);
    }

    @Override
    public long count(DeliveryStatus status) {
        return status == null ? repository.count() : repository.countByStatus(status);
    }
}
