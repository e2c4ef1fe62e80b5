package dev.orderflow.delivery.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import dev.orderflow.delivery.domain.Delivery;
import dev.orderflow.delivery.domain.DeliveryStatus;

interface DeliveryJpaRepository extends JpaRepository<Delivery, UUID> {

    Optional<Delivery> findByOrderId(UUID orderId);

    List<Delivery> findByStatus(DeliveryStatus status, Pageable pageable);

    long countByStatus(DeliveryStatus status);
}
