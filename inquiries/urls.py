from django.urls import path

from inquiries import views

app_name = "inquiries"
urlpatterns = [
    path("", views.InquiryCreateView.as_view(), name="create"),
    path("review/", views.InquiryReviewView.as_view(), name="review"),
    path("thanks/", views.InquiryThanksView.as_view(), name="thanks"),
]
